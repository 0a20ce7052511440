// Package jsiitest ends a test binary that links aws-cdk-go but may never
// synthesize: aws-cdk-go prepares the jsii runtime, writing its files to a
// temporary directory, as soon as its packages load, and only closing the
// runtime removes them.
//
//	func TestMain(m *testing.M) { jsiitest.Main(m) }
package jsiitest

import (
	"os"
	"testing"

	"github.com/aws/jsii-runtime-go"
)

// Main runs the tests, closes the jsii runtime and exits with the tests'
// code.
func Main(m *testing.M) {
	code := m.Run()
	jsii.Close()
	os.Exit(code)
}

package logretention

import (
	"testing"

	"github.com/ballast-eks/ballast/internal/testutil/synthtest"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

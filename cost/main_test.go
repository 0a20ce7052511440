package cost

import (
	"testing"

	"github.com/ballast-eks/ballast/internal/testutil/jsiitest"
)

func TestMain(m *testing.M) { jsiitest.Main(m) }

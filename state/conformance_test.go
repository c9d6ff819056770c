package state_test

import (
	"testing"

	"github.com/briefbot/briefbot/state"
	"github.com/briefbot/briefbot/state/statetest"
)

// TestConformance runs the state.Backend suite on the bbolt store.
func TestConformance(t *testing.T) {
	statetest.Run(t, func(t *testing.T) statetest.Opener {
		dir := t.TempDir()
		return func() (state.Backend, error) { return state.Open(dir) }
	})
}

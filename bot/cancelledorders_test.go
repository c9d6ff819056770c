package bot

import "testing"

func TestFoldCancelledOrders(t *testing.T) {
	mk := func(status Status, key, latest string) *line {
		return &line{key: key, supplier: "Russia", recipient: "Egypt", status: status, latest: latest, reports: map[string]bool{}}
	}
	ordered := mk(StatusOrdered, "su-35", "2023-01-10")
	delivered := mk(StatusDelivered, "su-35", "2023-01-10")
	otherSystem := mk(StatusOrdered, "mig-29", "2023-01-10")
	reordered := mk(StatusOrdered, "su-35", "2024-05-01") // ordered again after the cancellation
	cancelled := mk(StatusCancelled, "su-35", "2023-03-01")
	for _, tc := range []struct {
		name   string
		supply []*line
		want   int
	}{
		{"an order cancelled since is no supply", []*line{ordered}, 0},
		{"a delivery stays", []*line{delivered}, 1},
		{"another system's order stays", []*line{otherSystem}, 1},
		{"an order reported after the cancellation stays", []*line{reordered}, 1},
	} {
		other := []*line{mk(StatusCancelled, "su-35", cancelled.latest)}
		if got := foldCancelledOrders(tc.supply, other); len(got) != tc.want {
			t.Errorf("%s: %d supply lines left, want %d", tc.name, len(got), tc.want)
		}
	}
}

package bot

import "testing"

// An undated stage of a report with no publication date stands at the
// latest year that report states, so a later cancellation is not placed
// before a dated order.
func TestStoryStagesUndatedReport(t *testing.T) {
	rel := func(status Status, years ...int) RelationHit {
		return RelationHit{Relation: Relation{Supplier: "Turkey", Recipient: "Ghana", System: "T129 ATAK", Status: status, Years: years,
			Evidence: Evidence{ReportID: "r1", Sentence: "s", Start: len(years) * 10}}, Report: Report{ID: "r1"}}
	}
	stages := storyStages(newComposer("q"), []RelationHit{rel(StatusCancelled), rel(StatusOrdered, 2018)})
	if last := stages[len(stages)-1]; last.Status != string(StatusCancelled) || last.Year != 2018 || last.Dated {
		t.Errorf("last stage %+v, want the undated cancellation at 2018", last)
	}
}

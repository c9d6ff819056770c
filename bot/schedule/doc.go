// Package schedule runs digest jobs on cron schedules, each in its own time
// zone, on a Clock that tests replace with a fake.
//
// Specs are standard five-field cron specs ("0 9 * * 1"), parsed by
// github.com/robfig/cron/v3; descriptors such as "@weekly" are accepted too.
// Daylight-saving changes follow cron/v3: a job runs at its local wall-clock
// time on both sides of a change; a time that does not exist on the day
// clocks go forward (02:30 in Europe/Berlin on the last Sunday of March) is
// skipped that day, and a time that occurs twice on the day clocks go back
// runs at both occurrences.
//
// Next and Missed compute run times without running anything; a Scheduler
// calls a function when each job is due. Catching up on runs missed while
// the process was down is the caller's decision: Missed tells which there
// were, and the Scheduler itself only looks forward from the time it starts.
package schedule

package match

// Experiment is a switch for in-process A/B measurements (TestAB): code
// under trial reads it to choose between the old way (false) and the new
// (true), so that both run in one process, alternating every 250 queries,
// and the host's swings of speed (20-50 % from minute to minute on the
// shared machines this is measured on) fall on both alike. Nothing on main
// reads it: a change that wins is kept without the switch.
var Experiment bool

"""How many replications a precision target runs: the first it checks and the most it may
run unless told. The command line's help names them, so they live apart from the experiment
modules (pandas, scipy): building the parser for ``bordersim --help`` stays light."""

#: the replications run before a precision target is first checked (fewer give too
#: unsteady an interval to stop on)
FIRST_REPS = 10
#: the most replications a precision target may run unless told
MOST_REPS = 100

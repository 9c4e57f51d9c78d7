"""Running replications and keeping their results on disk."""

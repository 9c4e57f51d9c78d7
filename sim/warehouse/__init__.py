"""A results folder as warehouse tables: typed Parquet files with a declared schema.

``bordersim tables RESULTS_DIR --out DIR`` reads a finished, verified folder of ``run`` or
``compare`` and writes, elsewhere, one tidy long table per kind of figure, every row keyed by
``run_id`` (and ``option``), and ``datapackage.json``, the schema (columns, types, units,
keys) a nightly load can check (``bordersim tables --validate DIR``) before loading. The
results folder itself is only read.

- ``schema.py``: the tables, their columns, types, units and keys;
- ``export.py``: reading a folder into those tables and writing them;
- ``validate.py``: checking written tables against the schema.
"""

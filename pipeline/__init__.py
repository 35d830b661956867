"""docpipe: raw documents in, clean, validated, analysis-ready Parquet out."""

import os

# The per-line classifier multiplies small matrices; OpenBLAS's thread pool only steals CPU from the
# process pool on such work (half the speed on 2 cores), so one BLAS thread per process, unless set.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

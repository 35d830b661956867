"""`run.engine: dask`: the same per-document functions on a Dask cluster (a LocalCluster by default).

Point `run.dask_address` at a running scheduler (`tcp://host:8786`) to use a real cluster; the
workers need this package installed (`pip install -e .` from the same lock) and read access to the
input folder at the same path.
"""

from __future__ import annotations

from distributed import Client, LocalCluster

from pipeline.params import Params


def connect(params: Params) -> Client:
    if params.run.dask_address:
        return Client(params.run.dask_address)
    # processes, one thread each: the steps are pure Python, so threads would share one GIL
    cluster = LocalCluster(n_workers=max(1, params.run.jobs), threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)

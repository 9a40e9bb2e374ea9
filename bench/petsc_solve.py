#!/usr/bin/env python3
"""Issue 11 benchmark, PETSc side: solve A x = b for operators exported by org.anisocr.bench.OperatorExport.

Usage: petsc_solve.py DIR BINS TOL [--lu]
For every bin k: A-k.petsc, b-k.petsc in DIR. Solver 1: GMRES(40), right-preconditioned by hypre BoomerAMG
(defaults), to ||b - A x|| <= TOL ||b|| (the unpreconditioned residual, as anisocr reports). Solver 2 (--lu):
PETSc's sparse LU with nested-dissection ordering, preonly. Times are the setup + solve of one bin on one core,
best of two. Prints one JSON object.
"""
import json
import sys
import time

import petsc4py

petsc4py.init(sys.argv[:1])
from petsc4py import PETSc  # noqa: E402


def load(path, kind):
    viewer = PETSc.Viewer().createBinary(path, "r")
    obj = PETSc.Mat().load(viewer) if kind == "mat" else PETSc.Vec().load(viewer)
    viewer.destroy()
    return obj


def relative_residual(A, x, b):
    """||b - A x|| / ||b||: the unpreconditioned residual, as anisocr reports it."""
    r = b.duplicate()
    A.mult(x, r)
    r.aypx(-1.0, b)
    return r.norm() / b.norm()


def solve(A, b, tol, lu):
    best, its, rel = float("inf"), None, None
    for _ in range(2):
        x = b.duplicate()
        x.set(0)
        t0 = time.perf_counter()
        ksp = PETSc.KSP().create()
        ksp.setOperators(A)
        pc = ksp.getPC()
        if lu:
            ksp.setType("preonly")
            pc.setType("lu")
            pc.setFactorOrdering("nd")
        else:
            ksp.setType("gmres")
            ksp.setGMRESRestart(40)
            ksp.setPCSide(PETSc.PC.Side.RIGHT)
            pc.setType("hypre")
            pc.setHYPREType("boomeramg")
            ksp.setTolerances(rtol=tol, atol=0.0, max_it=2000)
        ksp.setUp()
        ksp.solve(b, x)
        elapsed = time.perf_counter() - t0
        rel = relative_residual(A, x, b)
        its = ksp.getIterationNumber()
        ksp.destroy()
        best = min(best, elapsed)
    return best, its, rel


def main():
    d, bins, tol = sys.argv[1], [int(k) for k in sys.argv[2].split(",")], float(sys.argv[3])
    lu = "--lu" in sys.argv
    rows = []
    for k in bins:
        A = load(f"{d}/A-{k}.petsc", "mat")
        b = load(f"{d}/b-{k}.petsc", "vec")
        row = {"bin": k}
        t, its, rel = solve(A, b, tol, False)
        row.update(hypre_gmres_seconds=t, hypre_gmres_iterations=its, hypre_gmres_relative_residual=rel)
        if lu:
            t, _, rel = solve(A, b, tol, True)
            row.update(petsc_lu_nd_seconds=t, petsc_lu_nd_relative_residual=rel)
        rows.append(row)
        A.destroy()
        b.destroy()
    print(json.dumps({"petsc_version": ".".join(map(str, PETSc.Sys.getVersion())), "bins": rows}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""3D per-bin comparison, PETSc side: solve A x = b for operators exported by org.anisocr.bench.OperatorExport3D.

Usage: petsc_solve3d.py DIR BINS TOL
For every bin k: A-k.petsc, b-k.petsc in DIR (A = -L on the free nodes, symmetric positive definite). Two solvers,
each to ||b - A x|| <= TOL ||b|| (the unpreconditioned residual, as anisocr reports), from x = 0, on one core:
  cg:    CG preconditioned by hypre BoomerAMG with the settings hypre recommends for 3D problems (strong threshold
         0.5, HMIS coarsening, extended+i interpolation, symmetric-SOR/Jacobi relaxation keeps it symmetric);
  gmres: GMRES(40), right-preconditioned by BoomerAMG with PETSc's defaults (as bench/petsc_solve.py in 2D).
Times are the setup (AMG hierarchy) + solve of one bin, best of two. Prints one JSON object.
"""
import json
import sys
import time

from petsc_solve import PETSc, load, relative_residual  # the 2D script in this folder; it initialises PETSc


def solve(A, b, tol, kind):
    best, its, rel, setup = float("inf"), None, None, None
    opts = PETSc.Options()
    for key in list(opts.getAll()):
        opts.delValue(key)
    if kind == "cg":
        opts["pc_hypre_boomeramg_strong_threshold"] = 0.5
        opts["pc_hypre_boomeramg_coarsen_type"] = "HMIS"
        opts["pc_hypre_boomeramg_interp_type"] = "ext+i"
        opts["pc_hypre_boomeramg_relax_type_all"] = "symmetric-SOR/Jacobi"
    for _ in range(2):
        x = b.duplicate()
        x.set(0)
        t0 = time.perf_counter()
        ksp = PETSc.KSP().create()
        ksp.setOperators(A)
        pc = ksp.getPC()
        if kind == "cg":
            ksp.setType("cg")
            ksp.setNormType(PETSc.KSP.NormType.UNPRECONDITIONED)
        else:
            ksp.setType("gmres")
            ksp.setGMRESRestart(40)
            ksp.setPCSide(PETSc.PC.Side.RIGHT)
        pc.setType("hypre")
        pc.setHYPREType("boomeramg")
        pc.setFromOptions()
        ksp.setTolerances(rtol=tol, atol=0.0, max_it=4000)
        ksp.setUp()
        t1 = time.perf_counter()
        ksp.solve(b, x)
        elapsed = time.perf_counter() - t0
        rel = relative_residual(A, x, b)
        its = ksp.getIterationNumber()
        ksp.destroy()
        if elapsed < best:
            best, setup = elapsed, t1 - t0
    return best, setup, its, rel


def main():
    d, bins, tol = sys.argv[1], [int(k) for k in sys.argv[2].split(",")], float(sys.argv[3])
    rows = []
    for k in bins:
        A = load(f"{d}/A-{k}.petsc", "mat")
        A.setOption(PETSc.Mat.Option.SYMMETRIC, True)
        b = load(f"{d}/b-{k}.petsc", "vec")
        row = {"bin": k}
        for kind in ("cg", "gmres"):
            t, setup, its, rel = solve(A, b, tol, kind)
            row.update({f"hypre_{kind}_seconds": t, f"hypre_{kind}_setup_seconds": setup,
                        f"hypre_{kind}_iterations": its, f"hypre_{kind}_relative_residual": rel})
        rows.append(row)
        A.destroy()
        b.destroy()
    print(json.dumps({"petsc_version": ".".join(map(str, PETSc.Sys.getVersion())), "bins": rows}))


if __name__ == "__main__":
    main()

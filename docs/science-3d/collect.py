#!/usr/bin/env python3
"""Gathers the 3D study's numbers from the run folders (out/...) into docs/data/science-3d-*.csv and the input CSVs
of the figures (drawn by org.anisocr.io.SeriesPanelsHarness). Run from the repository root after the runs of
docs/science-3d.md; missing runs are left out of the tables."""
import csv, json, math, os, sys
import numpy as np

OUT = sys.argv[1] if len(sys.argv) > 1 else "out"
MODELS = ["eps0.1-dperp0.5", "eps0.1-dperp0.7", "eps0.01-dperp0.5", "eps0.01-dperp0.7"]
R_SUN = 8.3


def summary(d):
    p = os.path.join(OUT, d, "summary.json")
    return json.load(open(p)) if os.path.exists(p) else None


def alpha_at(d, r_kpc):
    """α(R) of a run's alpha.csv (3D: of the azimuthal average) linearly interpolated at r_kpc."""
    p = os.path.join(OUT, d, "alpha.csv")
    if not os.path.exists(p):
        return None
    rr = [(float(a["R_kpc"]), float(a["alpha"])) for a in csv.DictReader(open(p))]
    return float(np.interp(r_kpc, [a for a, _ in rr], [b for _, b in rr]))


def fits_plane(path):
    """The first plane of a FITS image written by io.MapFits (BITPIX -64, big-endian), with its x/y axes."""
    raw = open(path, "rb").read()
    cards, i = {}, 0
    while True:
        card = raw[i:i + 80].decode(); i += 80
        key, _, val = card.partition("=")
        cards[key.strip()] = val.split("/")[0].strip().strip("'").strip()
        if card.startswith("END"):
            break
    start = ((i + 2879) // 2880) * 2880
    nx, ny = int(cards["NAXIS1"]), int(cards["NAXIS2"])
    a = np.frombuffer(raw, ">f8", nx * ny, start).reshape(ny, nx)
    x = float(cards["CRVAL1"]) + float(cards["CDELT1"]) * np.arange(nx)
    y = float(cards["CRVAL2"]) + float(cards["CDELT2"]) * np.arange(ny)
    return x, y, a


def ring(x, y, a, r, n=720):
    """α on the circle of radius r (bilinear between nodes), φ measured from the Sun's direction (−x) as in
    Galactic longitude seen from the centre."""
    phi = np.arange(n) * 2 * math.pi / n
    px, py = -r * np.cos(phi), -r * np.sin(phi)
    h = x[1] - x[0]
    fx, fy = (px - x[0]) / h, (py - y[0]) / h
    i, j = np.floor(fx).astype(int), np.floor(fy).astype(int)
    tx, ty = fx - i, fy - j
    v = (a[j, i] * (1 - tx) * (1 - ty) + a[j, i + 1] * tx * (1 - ty)
         + a[j + 1, i] * (1 - tx) * ty + a[j + 1, i + 1] * tx * ty)
    return np.degrees(phi), v


rows = []
for m in MODELS:
    for tag, label in (("jf12", "3D JF12"), ("axisym", "3D axisym")):
        for h in ("0.5", "0.25"):
            d = f"realistic-{m}-3d-{tag}-h{h}"
            s = summary(d)
            if s is None:
                continue
            a = s["analysis"]
            g = s["grid"]
            rows.append(dict(model=m, case=label, h_kpc=float(h),
                             grid=f"{s['grid'].get('n_xy', '')}", bins=s["momentum"]["count"],
                             alpha_sun=a["alpha_sun"], alpha_0=a["alpha_inner"],
                             diff=a["alpha_sun_minus_inner"], wall_s=s["wall_seconds"],
                             peak_rss_GB=s.get("peak_rss_GB"), peak_heap_GB=s.get("peak_heap_GB"),
                             threads=s["threads"], alpha_1kpc=alpha_at(d, 1.0), alpha_2kpc=alpha_at(d, 2.0)))
    gs = os.path.join(OUT, f"2d-{m}-gs", "grid-study.csv")
    if os.path.exists(gs):
        for r in csv.DictReader(open(gs)):
            rows.append(dict(model=m, case="2D", h_kpc=float(r["spacing_kpc"]), grid=f"{r['nR']}x{r['nZ']}",
                             bins=33, alpha_sun=float(r["alpha_sun"]), alpha_0=float(r["alpha_inner"]),
                             diff=float(r["alpha_sun_minus_inner"]), wall_s=float(r["wall_seconds"]),
                             peak_rss_GB=float(r["peak_rss_GB"]), peak_heap_GB=None, threads=1))
    s = summary(f"2d-{m}-h0.1")
    if s is not None:
        a = s["analysis"]
        rows.append(dict(model=m, case="2D", h_kpc=0.1, grid="201x81", bins=33, alpha_sun=a["alpha_sun"],
                         alpha_0=a["alpha_inner"], diff=a["alpha_sun_minus_inner"], wall_s=s["wall_seconds"],
                         peak_rss_GB=s.get("peak_rss_GB"), peak_heap_GB=s.get("peak_heap_GB"),
                         threads=s["threads"], alpha_1kpc=alpha_at(f"2d-{m}-h0.1", 1.0),
                         alpha_2kpc=alpha_at(f"2d-{m}-h0.1", 2.0)))
    for extra, case in (("jf12core", "3D JF12 no 1 kpc cut"), ("jf12nox", "3D JF12 no X-field")):
        for h in ("0.5", "0.25"):
            d = f"realistic-{m}-3d-{extra}-h{h}"
            s = summary(d)
            if s is None:
                continue
            a = s["analysis"]
            rows.append(dict(model=m, case=case, h_kpc=float(h), grid="", bins=s["momentum"]["count"],
                             alpha_sun=a["alpha_sun"], alpha_0=a["alpha_inner"],
                             diff=a["alpha_sun_minus_inner"], wall_s=s["wall_seconds"],
                             peak_rss_GB=s.get("peak_rss_GB"), peak_heap_GB=s.get("peak_heap_GB"),
                             threads=s["threads"], alpha_1kpc=alpha_at(d, 1.0), alpha_2kpc=alpha_at(d, 2.0)))

# grid-node counts for 3D from the spacing (r_max 20, H 4)
for r in rows:
    if r["case"].startswith("3D"):
        n = int(round(40 / r["h_kpc"])) + 1
        nz = int(round(8 / r["h_kpc"])) + 1
        r["grid"] = f"{n}x{n}x{nz}"

os.makedirs("docs/data", exist_ok=True)
keys = ["model", "case", "h_kpc", "grid", "bins", "alpha_sun", "alpha_0", "diff", "alpha_1kpc", "alpha_2kpc", "wall_s", "peak_rss_GB",
        "peak_heap_GB", "threads"]
with open("docs/data/science-3d-runs.csv", "w", newline="") as f:
    w = csv.DictWriter(f, keys, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: (f"{v:.5f}" if isinstance(v, float) and k not in ("h_kpc",) else v) for k, v in r.items()})


def get(m, case, h):
    for r in rows:
        if r["model"] == m and r["case"] == case and abs(r["h_kpc"] - h) < 1e-9:
            return r
    return None


# the answer: Δα = α(R☉) − α(0) at 0.5, 0.25 kpc, change, Richardson (order 2 assumed), ratios to 2D
ans = []
for m in MODELS:
    out = dict(model=m)
    for case, k in (("2D", "2d"), ("3D JF12", "jf12"), ("3D axisym", "axi")):
        a, b = get(m, case, 0.5), get(m, case, 0.25)
        out[f"{k}_h0.5"] = a["diff"] if a else None
        out[f"{k}_h0.25"] = b["diff"] if b else None
        out[f"{k}_change"] = (b["diff"] - a["diff"]) if a and b else None
        out[f"{k}_rich"] = (b["diff"] + (b["diff"] - a["diff"]) / 3) if a and b else None
    fine = get(m, "2D", 0.1)
    out["2d_h0.1"] = fine["diff"] if fine else None
    for k in ("jf12", "axi"):
        for h in ("h0.5", "h0.25", "rich"):
            num, den = out.get(f"{k}_{h}"), out.get(f"2d_{h}")
            out[f"ratio_{k}_{h}"] = num / den if num is not None and den else None
    ans.append(out)
with open("docs/data/science-3d-answer.csv", "w", newline="") as f:
    w = csv.DictWriter(f, list(ans[0].keys()))
    w.writeheader()
    for r in ans:
        w.writerow({k: (f"{v:.4f}" if isinstance(v, float) else ("" if v is None else v)) for k, v in r.items()})

# figure input: α(R) per model, 2D beside 3D
class FiniteRows:
    """Writes only rows whose last field is a finite number (α is NaN on the outer boundary)."""
    def __init__(self, f):
        self.f = f

    def write(self, s):
        y = s.rstrip("\n").rsplit(",", 1)[-1]
        try:
            if not math.isfinite(float(y)):
                return
        except ValueError:
            pass
        self.f.write(s)


with open(os.path.join(OUT, "fig-alpha-R.csv"), "w") as raw:
    f = FiniteRows(raw)
    f.write("panel,series,dashed,x,y\n")
    for m in MODELS:
        title = "εD = " + m.split("-")[0][3:] + "; δ⊥ = " + m.split("-")[1][5:]
        p = os.path.join(OUT, f"2d-{m}-h0.1", "alpha.csv")
        if os.path.exists(p):
            for r in csv.DictReader(open(p)):
                f.write(f"{title},2D (R z) dR = 0.1 kpc,false,{r['R_kpc']},{r['alpha']}\n")
        for tag, lab in (("axisym", "3D axisymmetrised"), ("jf12", "3D JF12"), ("jf12core", "3D JF12 no 1 kpc cut")):
            for h, dashed in (("0.5", "true"), ("0.25", "false")):
                p = os.path.join(OUT, f"realistic-{m}-3d-{tag}-h{h}", "alpha.csv")
                if os.path.exists(p):
                    for r in csv.DictReader(open(p)):
                        f.write(f"{title},{lab} h = {h} kpc,{dashed},{r['R_kpc']},{r['alpha']}\n")

# azimuthal structure: α around rings of the plane map
ringrows = []
with open(os.path.join(OUT, "fig-alpha-ring.csv"), "w") as f:
    f.write("panel,series,dashed,x,y\n")
    for m in MODELS:
        for tag in ("jf12", "axisym", "jf12core", "jf12nox"):
            for h in ("0.25", "0.5"):
                p = os.path.join(OUT, f"realistic-{m}-3d-{tag}-h{h}", "alpha_plane.fits")
                if not os.path.exists(p):
                    continue
                x, y, a = fits_plane(p)
                for r in (4.0, R_SUN, 12.0):
                    ph, v = ring(x, y, a, r)
                    ringrows.append(dict(model=m, field=tag, h_kpc=h, R_kpc=r, mean=v.mean(), std=v.std(),
                                         min=v.min(), max=v.max(), max_minus_min=v.max() - v.min(),
                                         phi_min_deg=ph[v.argmin()], phi_max_deg=ph[v.argmax()]))
                    if r in (4.0, R_SUN) and m in ("eps0.1-dperp0.5", "eps0.01-dperp0.7") and tag in ("jf12", "axisym"):
                        for q, val in zip(ph[::4], v[::4]):
                            f.write(f"εD {m.split('-')[0][3:]} δ⊥ {m.split('-')[1][5:]} R = {r} kpc,"
                                    f"{'JF12' if tag == 'jf12' else 'axisym'} h = {h},{'true' if h == '0.5' else 'false'},"
                                    f"{q:.2f},{val:.6f}\n")
with open("docs/data/science-3d-rings.csv", "w", newline="") as f:
    w = csv.DictWriter(f, list(ringrows[0].keys()))
    w.writeheader()
    for r in ringrows:
        w.writerow({k: (f"{v:.4f}" if isinstance(v, float) else v) for k, v in r.items()})

for r in rows:
    print(f"{r['model']:18s} {r['case']:10s} h={r['h_kpc']:<5} a_sun={r['alpha_sun']:.4f} a0={r['alpha_0']:.4f} "
          f"d={r['diff']:.4f} a1={r.get('alpha_1kpc') or 0:.4f} a2={r.get('alpha_2kpc') or 0:.4f} wall={r['wall_s']:.1f}s rss={r['peak_rss_GB']}")
for r in ans:
    print({k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()})
for r in ringrows:
    print({k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()})

# markdown tables for docs/science-3d.md (printed to out/tables.md)
def fmt(v, nd=4):
    return "—" if v is None else f"{v:.{nd}f}"


with open(os.path.join(OUT, "tables.md"), "w") as f:
    f.write("| model | case | h [kpc] | grid | α(R☉) | α(0) | α(1 kpc) | α(R☉) − α(0) | wall [s] | peak RSS [GB] |\n")
    f.write("|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n")
    order = {"2D": 0, "3D axisym": 1, "3D JF12": 2, "3D JF12 no 1 kpc cut": 3, "3D JF12 no X-field": 4}
    for r in sorted(rows, key=lambda r: (MODELS.index(r["model"]), order[r["case"]], -r["h_kpc"])):
        f.write(f"| {r['model']} | {r['case']} | {r['h_kpc']:g} | {r['grid']} | {r['alpha_sun']:.4f} | "
                f"{r['alpha_0']:.4f} | {fmt(r.get('alpha_1kpc'))} | **{r['diff']:.4f}** | {r['wall_s']:.1f} | "
                f"{fmt(r.get('peak_rss_GB'), 2)} |\n")
    f.write("\n| model | 2D: 0.5 / 0.25 / Rich. (0.1) | 3D axisym: 0.5 / 0.25 / Rich. | 3D JF12: 0.5 / 0.25 / Rich. "
            "| axisym / 2D | JF12 / 2D |\n|---|---|---|---|---|---|\n")
    for r in ans:
        def trip(k):
            return f"{fmt(r[k + '_h0.5'], 3)} / {fmt(r[k + '_h0.25'], 3)} / {fmt(r[k + '_rich'], 3)}"
        def ratio(k):
            return " / ".join(fmt(r[f"ratio_{k}_{h}"], 2) for h in ("h0.5", "h0.25", "rich"))
        f.write(f"| {r['model']} | {trip('2d')} ({fmt(r['2d_h0.1'], 3)}) | {trip('axi')} | {trip('jf12')} | "
                f"{ratio('axi')} | {ratio('jf12')} |\n")
    f.write("\n| model | field | h | R [kpc] | mean α | std | max − min | φ(min) | φ(max) |\n"
            "|---|---|---|---:|---:|---:|---:|---:|---:|\n")
    for r in ringrows:
        f.write(f"| {r['model']} | {r['field']} | {r['h_kpc']} | {r['R_kpc']:g} | {r['mean']:.4f} | {r['std']:.4f} | "
                f"{r['max_minus_min']:.4f} | {r['phi_min_deg']:.0f}° | {r['phi_max_deg']:.0f}° |\n")

# compact ring table: max − min of α around rings, JF12 against the axisymmetrised control
with open(os.path.join(OUT, "tables.md"), "a") as f:
    def ring_value(m, fld, h, r_kpc, key="max_minus_min"):
        for r in ringrows:
            if r["model"] == m and r["field"] == fld and r["h_kpc"] == h and abs(r["R_kpc"] - r_kpc) < 1e-9:
                return f"{r[key]:.4f}"
        return "—"
    f.write("\n| model | field, h [kpc] | R = 4 kpc | R☉ = 8.3 kpc | R = 12 kpc | mean α at R☉ |\n"
            "|---|---|---:|---:|---:|---:|\n")
    for m in MODELS:
        for fld, h in (("jf12", "0.5"), ("jf12", "0.25"), ("axisym", "0.25"), ("jf12nox", "0.5")):
            if ring_value(m, fld, h, R_SUN) == "—":
                continue
            f.write(f"| {m} | {fld}, {h} | {ring_value(m, fld, h, 4.0)} | {ring_value(m, fld, h, R_SUN)} | "
                    f"{ring_value(m, fld, h, 12.0)} | {ring_value(m, fld, h, R_SUN, 'mean')} |\n")

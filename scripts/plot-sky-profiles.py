#!/usr/bin/env python3
"""The γ-ray index along the Galactic plane (|b| < 5°) of several `anisocr sky` outputs in one figure.

Usage: scripts/plot-sky-profiles.py OUT.png SKY_DIR [SKY_DIR ...]
Each SKY_DIR is the --out folder of `anisocr sky` (or a run folder with a [sky] table); its sky_profile.csv
(l_deg, I_<E>GeV..., gamma_index) is read as written. Needs matplotlib; only reads anisocr's files.
"""
import csv
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def profile(folder):
    with open(os.path.join(folder, "sky_profile.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    l = [float(r["l_deg"]) for r in rows]
    g = [float(r["gamma_index"]) for r in rows]
    return l, g


def main(out, folders):
    fig, ax = plt.subplots(figsize=(9, 5))
    for folder in folders:
        l, g = profile(folder)
        ax.plot(l, g, label=os.path.basename(os.path.normpath(folder)))
    ax.set_xlim(180, -180)  # longitude grows to the left, as on the sky maps
    ax.set_xticks(range(-180, 181, 30))
    ax.axvspan(-30, 30, color="0.9", zorder=0)
    ax.text(0, 0.02, "inner |ℓ| < 30°", transform=ax.get_xaxis_transform(), ha="center")
    ax.set_xlabel("Galactic longitude ℓ [deg]")
    ax.set_ylabel("Γ = −d ln I/d ln E (10–100 GeV)")
    ax.set_title("π⁰-decay γ-ray index along the plane, |b| < 5° (anisocr sky, nside 128)")
    ax.legend(fontsize=9)
    fig.tight_layout()
    fig.savefig(out, dpi=110)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])

#!/usr/bin/env python3
"""Writes every model config the paper's figures use (Cerri et al. 2017): configs/fig2/toy-*.toml (Fig. 2 toy
scans), configs/realistic-*.toml (Figs. 1, 3, 4 and the gamma-ray index figure) and configs/isotropic-delta0.3.toml (the
isotropic delta = 0.3 comparison model of Fig. 4: eps_D = 1 and delta_perp = delta_par = 0.3, so D = D0 (p/p0)^0.3 times
the unit tensor whatever the field). The files are committed; this script documents how they were made and
regenerates them identically. Key names are the project's config keys (see configs/toy-epsB0.5-epsD0.1.toml)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIGS = os.path.join(HERE, "..", "configs")

COMMON = """
[grid]
geometry = "cylindrical"
r_max_kpc = 20.0
half_height_kpc = {H}
dr_kpc = 0.1
dz_kpc = 0.1

[momentum]
p_min_GeV = 1.0
p_max_GeV = 10000.0
count = 33

[diffusion]
D0_cm2_s = 1.0e28
delta_par = {dpar}
delta_perp = {dperp}
eps_D = {epsD}
p0_GeV = 1.0

{field}

[source]
model = "pulsar"
alpha_inj = 2.2

[solver]
# "steady" solves the paper's discrete operator L N + S = 0 to a relative residual of 1e-10 (LU-preconditioned
# GMRES; same fixed point as mode = "direct", the banded-LU reference). mode = "ladder" is the paper's own dt
# ladder: much slower, its end state carries the O(dt_min) splitting error, and its explicit mixed term needs
# dt <= ~0.08 Myr on this grid with the realistic field (docs/validation.md, bench/STEADY.md).
mode = "steady"

[analysis]
p_fit_min_GeV = 10.0
p_fit_max_GeV = 1000.0
flux_p_min_GeV = 10.0
map_p_GeV = [10.0, 1000.0]
"""

TOY_FIELD = """[field]
model = "toy"
b0_phi_uG = 1.0
r0_kpc = 3.5
eps_B = {epsB}"""

REALISTIC_FIELD = """[field]
# Pshirkov et al. 2011 ASS disk + halo (DRAGON 2D form) + JF12 X-field; values as in field/RealisticField.java
model = "realistic"
disk_b0_uG = 2.0
disk_rc_kpc = 5.0
disk_z0_kpc = 1.0
disk_r0_kpc = 10.0
r_sun_kpc = 8.3
halo_b0_uG = 4.0
halo_z0_kpc = 1.3
halo_z1_inner_kpc = 0.25
halo_z1_outer_kpc = 0.4
halo_r0_kpc = 8.0
x_enabled = true
x_scale = 1.0
x_b0_uG = 4.6
x_theta0_deg = 49.0
x_rc_kpc = 4.8
x_r_kpc = 2.9
x_zero_within_kpc = 0.0"""


def fmt(v):
    return ("%g" % v)


def write(path, header, **kw):
    with open(path, "w") as f:
        f.write(header + "\n\n" + COMMON.format(**kw).lstrip("\n"))


for H in (2, 4):
    for epsD in (0.01, 0.1, 1.0):
        for epsB, dpar, dperp in ((0.2, 0.1, 0.6), (0.5, 0.1, 0.6), (1.0, 0.1, 0.6), (0.5, 0.3, 0.5)):
            name = "toy-epsB%s-dpar%s-dperp%s-epsD%s-H%d" % (fmt(epsB), fmt(dpar), fmt(dperp), fmt(epsD), H)
            header = ("# Paper Fig. 2 toy scan: eps_B = %s, (delta_par, delta_perp) = (%s, %s), eps_D = %s, H = %d kpc\n"
                      'name = "%s"') % (fmt(epsB), fmt(dpar), fmt(dperp), fmt(epsD), H, name)
            write(os.path.join(CONFIGS, "fig2", name + ".toml"), header, H="%.1f" % H, dpar=dpar, dperp=dperp,
                  epsD=epsD, field=TOY_FIELD.format(epsB=epsB))

for epsD in (0.1, 0.01):
    for dperp in (0.5, 0.7):
        name = "realistic-eps%s-dperp%s" % (fmt(epsD), fmt(dperp))
        header = ("# Paper Figs. 3-4 realistic model: H = 4 kpc, delta_par = 0.3, delta_perp = %s, eps_D = %s\n"
                  'name = "%s"') % (fmt(dperp), fmt(epsD), name)
        write(os.path.join(CONFIGS, name + ".toml"), header, H="4.0", dpar=0.3, dperp=dperp, epsD=epsD,
              field=REALISTIC_FIELD)

name = "isotropic-delta0.3"
header = ("# Paper Fig. 4 isotropic comparison model: eps_D = 1, delta_par = delta_perp = 0.3 (D isotropic), H = 4 kpc\n"
          'name = "%s"') % name
write(os.path.join(CONFIGS, name + ".toml"), header, H="4.0", dpar=0.3, dperp=0.3, epsD=1.0, field=REALISTIC_FIELD)

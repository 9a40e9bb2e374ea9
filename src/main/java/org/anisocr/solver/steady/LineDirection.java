package org.anisocr.solver.steady;

/** Direction of the grid lines a line relaxation solves along: R-lines (rows, z fixed) or z-lines (columns). */
enum LineDirection { ALONG_R, ALONG_Z }

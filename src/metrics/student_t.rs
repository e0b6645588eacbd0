//! The 97.5% quantile of Student's t distribution, for two-sided 95% confidence intervals.
//!
//! Exact values for 1 to 30 degrees of freedom from a table; above 30 the Cornish–Fisher expansion around the
//! normal quantile (error below 1e-5 there). A whole statistics crate would cost Wasm size for this one number.

/// t(0.975; df) for df = 1..=30.
const TABLE: [f64; 30] = [
    12.706_204_736,
    4.302_652_730,
    3.182_446_305,
    2.776_445_105,
    2.570_581_836,
    2.446_911_851,
    2.364_624_252,
    2.306_004_135,
    2.262_157_163,
    2.228_138_852,
    2.200_985_160,
    2.178_812_830,
    2.160_368_656,
    2.144_786_688,
    2.131_449_546,
    2.119_905_299,
    2.109_815_578,
    2.100_922_040,
    2.093_024_054,
    2.085_963_447,
    2.079_613_845,
    2.073_873_068,
    2.068_657_610,
    2.063_898_562,
    2.059_538_553,
    2.055_529_439,
    2.051_830_516,
    2.048_407_142,
    2.045_229_642,
    2.042_272_456,
];

/// The standard normal 97.5% quantile.
const Z_975: f64 = 1.959_963_984_540_054;

/// t(0.975; df). Below 30, a fractional df is rounded down (a slightly wider, conservative interval);
/// df below 1 is treated as 1.
pub fn t_975(degrees_of_freedom: f64) -> f64 {
    if degrees_of_freedom < 30.0 {
        let whole = degrees_of_freedom.floor().clamp(1.0, 30.0) as usize;
        return TABLE[whole - 1];
    }
    let z = Z_975;
    let v = degrees_of_freedom;
    let z3 = z.powi(3);
    let z5 = z.powi(5);
    let z7 = z.powi(7);
    let z9 = z.powi(9);
    let g1 = (z3 + z) / 4.0;
    let g2 = (5.0 * z5 + 16.0 * z3 + 3.0 * z) / 96.0;
    let g3 = (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / 384.0;
    let g4 = (79.0 * z9 + 776.0 * z7 + 1482.0 * z5 - 1920.0 * z3 - 945.0 * z) / 92_160.0;
    z + g1 / v + g2 / v.powi(2) + g3 / v.powi(3) + g4 / v.powi(4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_values_and_rounding_down() {
        assert_eq!(t_975(1.0), 12.706_204_736);
        assert_eq!(t_975(10.0), 2.228_138_852);
        assert_eq!(t_975(10.9), 2.228_138_852);
        assert_eq!(t_975(0.4), 12.706_204_736);
    }

    #[test]
    fn expansion_matches_known_quantiles() {
        for (df, expected) in [
            (30.0, 2.042_272),
            (40.0, 2.021_075),
            (60.0, 2.000_298),
            (120.0, 1.979_930),
        ] {
            assert!(
                (t_975(df) - expected).abs() < 1e-5,
                "df {df}: {}",
                t_975(df)
            );
        }
        assert!((t_975(1e9) - Z_975).abs() < 1e-8);
    }
}

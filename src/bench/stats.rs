//! The statistics pyperf reports: mean and sample standard deviation, Student's two-sample
//! t-test at 95 %, geometric mean of ratios; and latency percentiles from an HDR histogram.

use hdrhistogram::Histogram;
use statrs::distribution::{ContinuousCDF, StudentsT};

pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Sample standard deviation (n - 1), as Python's `statistics.stdev`; `None` below two values.
pub fn stdev(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values);
    let squares: f64 = values.iter().map(|v| (v - m).powi(2)).sum();
    Some((squares / (values.len() - 1) as f64).sqrt())
}

/// Geometric mean of positive numbers.
pub fn geometric_mean(values: &[f64]) -> f64 {
    (values.iter().map(|v| v.ln()).sum::<f64>() / values.len() as f64).exp()
}

/// The outcome of pyperf's significance test between two samples.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Significance {
    pub significant: bool,
    /// `None` when the test cannot be made (fewer than three values in all, or no variance);
    /// pyperf then calls the difference significant, and so do we.
    pub t_score: Option<f64>,
}

/// pyperf's `is_significant`: Student's two-sample, two-tailed t-test with pooled variance at
/// the 95 % level, `(mean1 - mean2) / sqrt(s_p^2 (1/n1 + 1/n2))` (pyperf's `tscore` for equal
/// sizes, which is all it accepts). The critical value comes from the t distribution itself
/// rather than pyperf's table, so it can differ from pyperf's in the third decimal.
pub fn significance(sample1: &[f64], sample2: &[f64]) -> Significance {
    let untestable = Significance {
        significant: true,
        t_score: None,
    };
    let (n1, n2) = (sample1.len() as f64, sample2.len() as f64);
    let degrees = sample1.len() + sample2.len();
    if sample1.is_empty() || sample2.is_empty() || degrees < 3 {
        return untestable;
    }
    let degrees = (degrees - 2) as f64;
    let (m1, m2) = (mean(sample1), mean(sample2));
    let squares = |s: &[f64], m: f64| s.iter().map(|v| (v - m).powi(2)).sum::<f64>();
    let pooled = (squares(sample1, m1) + squares(sample2, m2)) / degrees;
    let error = (pooled * (1.0 / n1 + 1.0 / n2)).sqrt();
    if error == 0.0 || !error.is_finite() {
        return untestable;
    }
    let t_score = (m1 - m2) / error;
    let critical = t_critical(degrees);
    Significance {
        significant: t_score.abs() >= critical,
        t_score: Some(t_score),
    }
}

/// The two-sided 95 % critical value of Student's t with `degrees` degrees of freedom.
fn t_critical(degrees: f64) -> f64 {
    StudentsT::new(0.0, 1.0, degrees)
        .expect("degrees of freedom are positive")
        .inverse_cdf(0.975)
}

/// A 95 % confidence interval `(low, high)` for the ratio of means `mean(changed) /
/// mean(reference)`: on the log scale, where a ratio's error is the sum of the two relative
/// errors (the delta method), with Student's t for the pooled degrees of freedom. `None`
/// below two values on either side.
pub fn ratio_interval(reference: &[f64], changed: &[f64]) -> Option<(f64, f64)> {
    let (sd_r, sd_c) = (stdev(reference)?, stdev(changed)?);
    let (m_r, m_c) = (mean(reference), mean(changed));
    let relative = |sd: f64, m: f64, n: usize| (sd / m).powi(2) / n as f64;
    let log_error =
        (relative(sd_r, m_r, reference.len()) + relative(sd_c, m_c, changed.len())).sqrt();
    let degrees = (reference.len() + changed.len() - 2) as f64;
    let half = t_critical(degrees) * log_error;
    let ratio = m_c / m_r;
    Some((ratio * (-half).exp(), ratio * half.exp()))
}

/// The geometric mean of `ratios` and its 95 % confidence interval across them (Student's t
/// on the logarithms: how much the answer depends on which programs are in the suite).
/// `None` for the interval below two ratios.
pub fn geometric_mean_interval(ratios: &[f64]) -> (f64, Option<(f64, f64)>) {
    let logs: Vec<f64> = ratios.iter().map(|r| r.ln()).collect();
    let centre = mean(&logs);
    let interval = stdev(&logs).map(|sd| {
        let half = t_critical((logs.len() - 1) as f64) * sd / (logs.len() as f64).sqrt();
        ((centre - half).exp(), (centre + half).exp())
    });
    (centre.exp(), interval)
}

/// Per-run latency percentiles, read from an HDR histogram of the run times.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Latency {
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
}

/// Run times are recorded in microseconds with three significant figures: a 0.1 % bucket is
/// far below the run-to-run noise of whole processes.
const MICROS: f64 = 1e6;

/// The histogram of `seconds`, and the percentiles read from it.
pub fn latency(seconds: &[f64]) -> Option<Latency> {
    if seconds.is_empty() {
        return None;
    }
    let mut histogram = Histogram::<u64>::new(3).expect("3 significant figures is valid");
    for &s in seconds {
        histogram
            .record((s * MICROS).round().max(1.0) as u64)
            .expect("an auto-resizing histogram takes any value");
    }
    let at = |q: f64| histogram.value_at_quantile(q) as f64 / MICROS;
    Some(Latency {
        p50: at(0.50),
        p90: at(0.90),
        p99: at(0.99),
        max: histogram.max() as f64 / MICROS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_sample_deviation_match_pythons_statistics() {
        let values = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_eq!(mean(&values), 5.0);
        // statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]) == 2.138089935299395
        assert!((stdev(&values).unwrap() - 2.138089935299395).abs() < 1e-12);
        assert_eq!(stdev(&[1.0]), None);
        assert!((geometric_mean(&[2.0, 8.0]) - 4.0).abs() < 1e-12);
    }

    #[test]
    fn t_test_agrees_with_pyperf_on_equal_sizes() {
        // pyperf._utils.is_significant([1.0, 1.1, 1.2, 1.05, 1.15], [1.3, 1.4, 1.35, 1.45, 1.5])
        // == (True, -6.0): pooled variance 0.00625, error sqrt(2 * 0.00625 / 5) = 0.05.
        let a = [1.0, 1.1, 1.2, 1.05, 1.15];
        let b = [1.3, 1.4, 1.35, 1.45, 1.5];
        let s = significance(&a, &b);
        assert!(s.significant);
        assert!((s.t_score.unwrap() + 6.0).abs() < 1e-9);
        // Overlapping samples: t = -1 is far below the critical 2.306 (df = 8).
        let c = [1.05, 1.15, 1.25, 1.1, 1.2];
        let s = significance(&a, &c);
        assert!(!s.significant);
        assert!((s.t_score.unwrap() + 1.0).abs() < 1e-9);
    }

    #[test]
    fn critical_value_comes_from_the_distribution() {
        // t = -2.2 with df = 8 is below 2.306 (not significant), with df = 38 above 2.024.
        let spread = |n: usize, centre: f64| -> Vec<f64> {
            (0..n)
                .map(|i| centre + if i % 2 == 0 { 0.1 } else { -0.1 })
                .collect()
        };
        let small = significance(&spread(5, 1.0), &spread(5, 1.0 + 0.1524));
        assert!(!small.significant, "{small:?}");
        let large = significance(&spread(20, 1.0), &spread(20, 1.0 + 0.0714));
        assert!(large.significant, "{large:?}");
    }

    #[test]
    fn untestable_comparisons_count_as_significant_like_pyperf() {
        assert_eq!(significance(&[1.0], &[2.0]).t_score, None);
        assert!(significance(&[1.0, 1.0], &[1.0, 1.0]).significant);
    }

    #[test]
    fn ratio_intervals_hold_the_ratio_and_widen_with_noise() {
        let reference = [1.0, 1.1, 0.9, 1.0];
        let quiet = [2.0, 2.01, 1.99, 2.0];
        let (low, high) = ratio_interval(&reference, &quiet).unwrap();
        assert!(low < 2.0 && 2.0 < high, "{low} {high}");
        let noisy = [1.0, 3.0, 2.5, 1.5];
        let (low2, high2) = ratio_interval(&reference, &noisy).unwrap();
        assert!(high2 / low2 > high / low);
        assert_eq!(ratio_interval(&[1.0], &quiet), None);
    }

    #[test]
    fn geometric_mean_interval_is_symmetric_on_the_log_scale() {
        let (centre, interval) = geometric_mean_interval(&[2.0, 8.0, 4.0]);
        assert!((centre - 4.0).abs() < 1e-12);
        let (low, high) = interval.unwrap();
        assert!((low * high - 16.0).abs() < 1e-9, "{low} {high}");
        assert_eq!(geometric_mean_interval(&[3.0]).1, None);
    }

    #[test]
    fn latency_percentiles_come_from_the_histogram() {
        let seconds: Vec<f64> = (1..=100).map(|i| i as f64 / 100.0).collect();
        let l = latency(&seconds).unwrap();
        assert!((l.p50 - 0.50).abs() < 0.001, "{l:?}");
        assert!((l.p90 - 0.90).abs() < 0.001, "{l:?}");
        assert!((l.p99 - 0.99).abs() < 0.001, "{l:?}");
        assert!((l.max - 1.00).abs() < 0.001, "{l:?}");
        assert_eq!(latency(&[]), None);
    }
}

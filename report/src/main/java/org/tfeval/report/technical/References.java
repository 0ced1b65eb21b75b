package org.tfeval.report.technical;

import java.util.List;
import java.util.Locale;

/**
 * The report's references: the study's published sources, and the methods its estimators rest on,
 * each listed only when the methods the analyses report or the instrument's labels name it (its
 * cue), so the list cites what was used.
 */
final class References {
    /**
     * A reference.
     *
     * @param text the citation
     * @param cue  a word the analyses' method text contains when the reference applies (lower case), or
     *             null for a reference every report cites
     */
    record Reference(String text, String cue) {}

    static final List<Reference> ALL = List.of(
            new Reference(
                    "Evaluation of the Enhanced Collaborative Model task forces: case-file data of the cross-site "
                            + "evaluation, released by ICPSR as study 37988 (restricted use).",
                    null),
            new Reference(
                    "Federal Bureau of Investigation. National Incident-Based Reporting System (NIBRS): offense codes "
                            + "64A (human trafficking, commercial sex acts), 64B (human trafficking, involuntary servitude) and "
                            + "40A-40C (prostitution offenses), the instrument's offense vocabulary.",
                    "nibrs"),
            new Reference(
                    "Benjamini, Y., and Hochberg, Y. (1995). Controlling the false discovery rate: a practical and "
                            + "powerful approach to multiple testing. Journal of the Royal Statistical Society, Series B, 57(1), 289-300.",
                    "benjamini"),
            new Reference(
                    "Bell, R. M., and McCaffrey, D. F. (2002). Bias reduction in standard errors for linear regression "
                            + "with multi-stage samples. Survey Methodology, 28(2), 169-181.",
                    "cr2"),
            new Reference(
                    "Cameron, A. C., Gelbach, J. B., and Miller, D. L. (2008). Bootstrap-based improvements for "
                            + "inference with clustered errors. Review of Economics and Statistics, 90(3), 414-427.",
                    "wild"),
            new Reference(
                    "Firth, D. (1993). Bias reduction of maximum likelihood estimates. Biometrika, 80(1), 27-38.",
                    "firth"),
            new Reference(
                    "Hayes, A. F., and Krippendorff, K. (2007). Answering the call for a standard reliability measure "
                            + "for coding data. Communication Methods and Measures, 1(1), 77-89.",
                    "krippendorff"),
            new Reference(
                    "Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian Journal "
                            + "of Statistics, 6(2), 65-70.",
                    "holm"),
            new Reference(
                    "Kaplan, E. L., and Meier, P. (1958). Nonparametric estimation from incomplete observations. "
                            + "Journal of the American Statistical Association, 53(282), 457-481.",
                    "kaplan-meier"),
            new Reference(
                    "Lumley, T. (2004). Analysis of complex survey samples. Journal of Statistical Software, 9(1), "
                            + "1-19 (the R package survey).",
                    "design-based"),
            new Reference(
                    "Newcombe, R. G. (1998). Interval estimation for the difference between independent proportions: "
                            + "comparison of eleven methods. Statistics in Medicine, 17(8), 873-890.",
                    "newcombe"),
            new Reference(
                    "Pustejovsky, J. E., and Tipton, E. (2018). Small-sample methods for cluster-robust variance "
                            + "estimation and hypothesis testing in fixed effects models. Journal of Business and Economic "
                            + "Statistics, 36(4), 672-683.",
                    "cr2"),
            new Reference(
                    "Webb, M. D. (2014). Reworking wild bootstrap based inference for clustered errors. Queen's "
                            + "Economics Department Working Paper No. 1315.",
                    "wild"),
            new Reference(
                    "Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. "
                            + "Journal of the American Statistical Association, 22(158), 209-212.",
                    "wilson"));

    private References() {}

    /** The references the methods text (every analysis's method, the report's own methods) calls for. */
    static List<String> citedBy(String methodsText) {
        String m = methodsText.toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(r -> r.cue() == null || m.contains(r.cue()))
                .map(Reference::text)
                .toList();
    }
}

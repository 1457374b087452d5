package cn.minzheng.assistance.application.web;

import java.math.BigDecimal;
import java.util.List;

import cn.minzheng.assistance.application.Application;
import cn.minzheng.assistance.benefit.MeansTest;
import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.platform.text.Texts;

/** An application with its whole path: who submitted, reviewed, objected and decided, when and why. */
record ApplicationResponse(String id, String householdId, String divisionCode, Programme programme, String reason,
        BigDecimal requestedAmount, Application.Status status, Application.Submission submission,
        MeansTestView meansTest, Application.Step review, Application.PublicNotice notice,
        List<Application.Objection> objections, Application.Step approval, String enrolmentId, String paymentId,
        boolean paidBeforeApproval, long version, LegalCalendar.Basis noticeLegalTime,
        List<Application.NoticeChange> noticeChanges, List<Application.Action> actions) {

    /** {@code noticeLegalTime}: whether the notice's end rests on a year whose holiday schedule is not loaded yet. */
    /** {@code actions}: what the caller may do on it now (the affordances a workbench renders as buttons). */
    static ApplicationResponse of(Application a, LegalCalendar calendar, Texts texts,
            java.util.Set<Application.Action> actions) {
        return new ApplicationResponse(a.id(), a.householdId(), a.division().value(), a.programme(), a.reason(),
                a.requestedAmount() == null ? null : a.requestedAmount().amount(), a.status(), a.submission(),
                MeansTestView.of(a.meansTest(), texts), a.review(), a.notice(), a.objections(), a.approval(), a.enrolmentId(), a.paymentId(),
                a.isPaidBeforeApproval(), a.version(),
                a.notice() == null ? null : calendar.basis(a.notice().from(), a.notice().until()), a.noticeChanges(),
                actions.stream().sorted().toList());
    }

    /** The means test as read: why it fails, in the caller's language. */
    record MeansTestView(BigDecimal perCapitaIncome, BigDecimal standard, boolean incomeTestPassed,
            boolean assetTestPassed, List<String> reasons) {

        static MeansTestView of(MeansTest test, Texts texts) {
            return test == null ? null : new MeansTestView(test.perCapitaIncome().amount(), test.standard().amount(),
                    test.incomeTestPassed(), test.assetTestPassed(), test.reasons().stream().map(texts::word).toList());
        }
    }
}

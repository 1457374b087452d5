package cn.minzheng.registry.divorce;

import java.time.Instant;

/** 婚姻家庭辅导: offered to the couple, accepted or declined, and what came of it. */
public record CounsellingSession(String id, String counsellor, Instant offeredAt, String offeredBy, Response response,
        String outcome, String note) {

    public enum Response {
        OFFERED, ACCEPTED, DECLINED
    }

    CounsellingSession answered(Response answer) {
        return new CounsellingSession(id, counsellor, offeredAt, offeredBy, answer, outcome, note);
    }

    CounsellingSession concluded(String result, String text) {
        return new CounsellingSession(id, counsellor, offeredAt, offeredBy, response, result, text);
    }
}

package cn.minzheng.registry.certificate;

import org.bson.Document;

import cn.minzheng.platform.refusal.Refusal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Issues certificate numbers such as {@code J320404-2026-000123}: a letter for the kind, the office code, the year
 * and a running number from an atomic counter per office, kind and year. Every number issued or entered from old
 * paper records is also reserved in {@code certificate_numbers} (keyed by the number), which is what makes a number
 * unique even when back-entered records and issued ones meet.
 */
@Component
public class CertificateNumbers {

    public enum Kind {
        MARRIAGE("J"), DIVORCE("L"), ADOPTION("S");

        private final String letter;

        Kind(String letter) {
            this.letter = letter;
        }
    }

    private final MongoTemplate mongo;

    CertificateNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A new number, reserved for the record. */
    public String issue(Kind kind, String officeCode, int year, String recordId) {
        String counter = kind.letter + officeCode + "-" + year;
        Document next = mongo.findAndModify(new Query(Criteria.where("_id").is(counter)), new Update().inc("last", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "certificate_counters");
        String number = counter + "-" + String.format("%06d", next.getInteger("last"));
        reserve(number, recordId);
        return number;
    }

    /** Reserves a number entered from an older record; 409 when it is already someone's. */
    public void reserve(String number, String recordId) {
        try {
            mongo.insert(new Document("_id", number).append("recordId", recordId), "certificate_numbers");
        } catch (DuplicateKeyException taken) {
            Document holder = mongo.findById(number, Document.class, "certificate_numbers");
            if (holder == null || !recordId.equals(holder.getString("recordId"))) {
                throw Refusal.conflict("certificate-number-taken", number);
            }
        }
    }
}

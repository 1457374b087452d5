package cn.minzheng.portal.assistance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.portal.gateway.FormValues;

/**
 * The change-of-circumstances form as typed, turned into the service's {@code ChangeOfCircumstances}. The form
 * carries, hidden, the values the page was rendered with ({@code was.*}); only what the officer changed is sent,
 * so the household's history says what changed and nothing else. Whether the change is lawful (a member in another
 * household, an income out of range, a date) is the service's to judge.
 */
final class HouseholdChange {

    static final String[] MEMBER_FIELDS = {"monthlyIncome", "employed", "disabilityGrade", "selfCare"};
    static final String[] ASSET_FIELDS = {"deposits", "vehicles", "houses"};
    static final String[] JOINING_FIELDS = {"name", "idNumber", "relation", "monthlyIncome", "employed",
        "disabilityGrade", "selfCare"};

    /**
     * The command, and for each field name the service may name in a refusal the form's own field, so that the
     * message is shown beside what the officer typed.
     */
    record Sent(Map<String, Object> command, Map<String, String> formFields) {

        /** The service's {@code errors[]} by the form's field names. */
        Map<String, String> onForm(Map<String, String> errors) {
            Map<String, String> shown = new LinkedHashMap<>();
            errors.forEach((field, message) -> shown.merge(formField(field), message, (a, b) -> a + "；" + b));
            return shown;
        }

        private String formField(String field) {
            return formFields.entrySet().stream().filter(e -> field.startsWith(e.getKey()))
                    .map(e -> e.getValue() + field.substring(e.getKey().length())).findFirst().orElse(field);
        }
    }

    private HouseholdChange() {
    }

    static Sent of(Map<String, String> form) {
        Map<String, Object> command = new LinkedHashMap<>();
        Map<String, String> formFields = new LinkedHashMap<>();
        command.put("reason", FormValues.text(form.get("reason")));
        command.put("effectiveOn", FormValues.text(form.get("effectiveOn")));
        List<Map<String, Object>> changes = new ArrayList<>();
        List<String> leaving = new ArrayList<>();
        for (int i = 0; form.containsKey(row(i) + "personRef"); i++) {
            String personRef = form.get(row(i) + "personRef");
            if ("yes".equals(form.get(row(i) + "leaving"))) {
                formFields.put("membersLeaving[" + leaving.size() + "]", row(i) + "leaving");
                leaving.add(personRef);
                continue;
            }
            Map<String, Object> change = new LinkedHashMap<>();
            for (String field : MEMBER_FIELDS) {
                String typed = form.get(row(i) + field);
                if (changed(typed, form.get(row(i) + "was." + field))) {
                    change.put(field, "employed".equals(field) ? FormValues.yesNo(typed)
                            : "selfCare".equals(field) ? FormValues.text(typed) : FormValues.number(typed));
                }
            }
            if (!change.isEmpty()) {
                formFields.put("memberChanges[" + changes.size() + "].", row(i));
                Map<String, Object> named = new LinkedHashMap<>();
                named.put("personRef", personRef);
                named.putAll(change);
                changes.add(named);
            }
        }
        command.put("memberChanges", changes);
        command.put("membersLeaving", leaving);
        command.put("membersJoining", joining(form, formFields));
        if (java.util.Arrays.stream(ASSET_FIELDS).anyMatch(f -> changed(form.get(f), form.get("was." + f)))) {
            Map<String, Object> assets = new LinkedHashMap<>();
            for (String field : ASSET_FIELDS) {
                assets.put(field, FormValues.number(form.get(field)));
            }
            command.put("assets", assets);
            formFields.put("assets.", "");
        }
        if (changed(form.get("address"), form.get("was.address"))) {
            command.put("address", FormValues.text(form.get("address")));
        }
        return new Sent(command, formFields);
    }

    /** The one new member's row, sent when a name or an ID number was typed in it. */
    private static List<Map<String, Object>> joining(Map<String, String> form, Map<String, String> formFields) {
        if (FormValues.text(form.get("joining.name")) == null && FormValues.text(form.get("joining.idNumber")) == null) {
            return List.of();
        }
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", FormValues.text(form.get("joining.name")));
        member.put("idNumber", FormValues.text(form.get("joining.idNumber")));
        member.put("relation", FormValues.text(form.get("joining.relation")));
        member.put("monthlyIncome", FormValues.number(form.get("joining.monthlyIncome")));
        member.put("employed", FormValues.yesNo(form.get("joining.employed")));
        member.put("disabilityGrade", FormValues.number(form.get("joining.disabilityGrade")));
        member.put("selfCare", FormValues.text(form.get("joining.selfCare")));
        formFields.put("membersJoining[0].", "joining.");
        return List.of(member);
    }

    private static String row(int i) {
        return "members[" + i + "].";
    }

    /** Numbers compare by value (800 is 800.00); anything else as typed, blank as nothing. */
    static boolean changed(String typed, String was) {
        Object now = FormValues.number(typed);
        Object before = FormValues.number(was);
        if (now instanceof BigDecimal a && before instanceof BigDecimal b) {
            return a.compareTo(b) != 0;
        }
        return !java.util.Objects.equals(now, before);
    }
}

package cn.minzheng.portal.assistance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.portal.gateway.FormValues;

/**
 * The household registration form as typed. {@link #command()} is the service's {@code NewHousehold}; a member row
 * left blank is not sent (an empty row is not a member), everything else is the service's to judge.
 */
public class HouseholdForm {

    public static final int MEMBER_ROWS = 4;

    private String idempotencyKey;
    private String divisionCode;
    private String address;
    private String residence;
    private String contactPhone;
    private String paymentAccount;
    private String deposits;
    private String houses;
    private String vehicles;
    private List<MemberRow> members = new ArrayList<>();

    public HouseholdForm() {
        for (int i = 0; i < MEMBER_ROWS; i++) {
            members.add(new MemberRow());
        }
    }

    /** One member's row. */
    public static class MemberRow {
        private String name;
        private String idNumber;
        private String relation;
        private String monthlyIncome;
        private String employed;
        private String disabilityGrade;
        private String selfCare;

        boolean blank() {
            return FormValues.text(name) == null && FormValues.text(idNumber) == null
                    && FormValues.text(monthlyIncome) == null;
        }

        Map<String, Object> command() {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("name", FormValues.text(name));
            member.put("idNumber", FormValues.text(idNumber));
            member.put("relation", FormValues.text(relation));
            member.put("monthlyIncome", FormValues.number(monthlyIncome));
            member.put("employed", FormValues.yesNo(employed));
            member.put("disabilityGrade", FormValues.number(disabilityGrade));
            member.put("selfCare", FormValues.text(selfCare));
            return member;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
        public String getRelation() { return relation; }
        public void setRelation(String relation) { this.relation = relation; }
        public String getEmployed() { return employed; }
        public void setEmployed(String employed) { this.employed = employed; }
        public String getDisabilityGrade() { return disabilityGrade; }
        public void setDisabilityGrade(String disabilityGrade) { this.disabilityGrade = disabilityGrade; }
        public String getSelfCare() { return selfCare; }
        public void setSelfCare(String selfCare) { this.selfCare = selfCare; }
        public String getMonthlyIncome() { return monthlyIncome; }
        public void setMonthlyIncome(String monthlyIncome) { this.monthlyIncome = monthlyIncome; }
    }

    Map<String, Object> command() {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("divisionCode", FormValues.text(divisionCode));
        command.put("address", FormValues.text(address));
        command.put("residence", FormValues.text(residence));
        command.put("contactPhone", FormValues.text(contactPhone));
        command.put("paymentAccount", FormValues.text(paymentAccount));
        Map<String, Object> assets = new LinkedHashMap<>();
        assets.put("deposits", FormValues.number(deposits));
        assets.put("houses", FormValues.number(houses));
        assets.put("vehicles", FormValues.number(vehicles));
        command.put("assets", assets);
        command.put("members", members.stream().filter(row -> !row.blank()).map(MemberRow::command).toList());
        return command;
    }

    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getDivisionCode() { return divisionCode; }
    public void setDivisionCode(String divisionCode) { this.divisionCode = divisionCode; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getResidence() { return residence; }
    public void setResidence(String residence) { this.residence = residence; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getPaymentAccount() { return paymentAccount; }
    public void setPaymentAccount(String paymentAccount) { this.paymentAccount = paymentAccount; }
    public String getDeposits() { return deposits; }
    public void setDeposits(String deposits) { this.deposits = deposits; }
    public String getHouses() { return houses; }
    public void setHouses(String houses) { this.houses = houses; }
    public String getVehicles() { return vehicles; }
    public void setVehicles(String vehicles) { this.vehicles = vehicles; }
    public List<MemberRow> getMembers() { return members; }
    public void setMembers(List<MemberRow> members) { this.members = members; }
}

package cn.minzheng.orgs.organization;

import cn.minzheng.platform.personal.ProtectedIdNumber;

/** The legal representative (法定代表人): a name, and an ID number kept sealed like every ID number. */
public record LegalRepresentative(String name, ProtectedIdNumber idNumber) {
}

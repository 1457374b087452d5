package cn.minzheng.assistance.allowance;

import cn.minzheng.platform.personal.ProtectedValue;

/**
 * Who receives the money when it is not the beneficiary (a guardian's account for a child): the account is stored
 * encrypted like every account and shown masked.
 */
public record Payee(String name, String relation, ProtectedValue account) {
}

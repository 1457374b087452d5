package cn.minzheng.eldercare.facility;

/** Who owns and who runs a facility. */
public enum Ownership {
    /** 公办公营 */
    PUBLIC,
    /** 公建民营: built by the government, run by an operator under a contract with a term. */
    PUBLIC_BUILT_PRIVATE_OPERATED,
    /** 民办 */
    PRIVATE
}

/**
 * The provincial platform's subscription to death notifications for its divisions, modelled on the subscribe and
 * notify operations of the DCI (Digital Convergence Initiative) civil-registry API: a registered integration client
 * subscribes with a notify URL on its allow-list, and each death recorded (or retracted) in those divisions is sent
 * to it signed the Standard Webhooks way, like the after-death cases' callbacks.
 */
package cn.minzheng.funeral.subscription;

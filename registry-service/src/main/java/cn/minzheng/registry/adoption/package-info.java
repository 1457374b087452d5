/**
 * Adoption registration (收养登记, Civil Code arts. 1093-1105): who may adopt whom, each condition refused with its
 * article, and the certificate.
 */
package cn.minzheng.registry.adoption;

/** funeral-service: Funeral and cemeteries: deaths, cremation, eco-burial and fee waivers. Packages below are by feature. */
package cn.minzheng.funeral;

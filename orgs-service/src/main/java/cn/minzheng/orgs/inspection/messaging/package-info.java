/** Events about inspections ({@code org.inspected}). */
package cn.minzheng.orgs.inspection.messaging;

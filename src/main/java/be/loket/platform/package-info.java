/**
 * Cross-cutting ground every module stands on: identifiers, roles, the acting user, clock, i18n,
 * security configuration, page layout and error handling. An open module: any module may use it,
 * and it uses no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package be.loket.platform;

namespace Qdms.Core.Security;

/// <summary>
/// What a user may do. Ordered: each role may do everything the roles below it may.
/// A sysop is not bound to a tenant and sees all of them.
/// </summary>
public enum Role
{
    Viewer = 0,
    Operator = 1,
    Admin = 2,
    Sysop = 3,
}

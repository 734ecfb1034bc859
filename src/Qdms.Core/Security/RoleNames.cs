namespace Qdms.Core.Security;

/// <summary>The lower-case names roles have on the wire and in the database.</summary>
public static class RoleNames
{
    public static string ToName(this Role role) => role switch
    {
        Role.Viewer => "viewer",
        Role.Operator => "operator",
        Role.Admin => "admin",
        Role.Sysop => "sysop",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? name, out Role role)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "viewer": role = Role.Viewer; return true;
            case "operator": role = Role.Operator; return true;
            case "admin": role = Role.Admin; return true;
            case "sysop": role = Role.Sysop; return true;
            default: role = default; return false;
        }
    }
}

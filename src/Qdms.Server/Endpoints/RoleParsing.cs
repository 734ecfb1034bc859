using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

internal static class RoleParsing
{
    public static Role Parse(string? name, string field = "role") =>
        RoleNames.TryParse(name, out var role)
            ? role
            : throw new ValidationException(field, $"{field} must be one of sysop, admin, operator, viewer; got '{name}'.");
}

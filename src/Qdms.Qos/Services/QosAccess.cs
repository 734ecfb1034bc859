using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Qos.Configuration;

namespace Qdms.Qos.Services;

/// <summary>
/// Who may use the evaluator's services: the blacklist (<c>enable.blacklist.filter</c>) for all of them, and for management
/// <c>management.policy</c> — sysop-only; whitelist (sysop or a user named in <c>management.whitelist</c>); authorization
/// (sysop, whitelisted, or an admin of its tenant, within its tenant).
/// </summary>
public static class QosAccess
{
    public static void CheckBlacklist(Caller caller, QosOptions options)
    {
        if (options.EnableBlacklistFilter
            && QosOptions.SplitList(options.Blacklist).Contains(caller.Username, StringComparer.OrdinalIgnoreCase)
            && !QosOptions.SplitList(options.BlacklistCheckExcludeList).Contains(caller.Username, StringComparer.OrdinalIgnoreCase))
        {
            throw new ForbiddenException($"'{caller.Username}' is on the blacklist of the QoS evaluator.");
        }
    }

    public static void RequireManagement(Caller caller, QosOptions options)
    {
        CheckBlacklist(caller, options);
        if (!options.EnableManagementFilter)
        {
            caller.Require(Role.Admin);
            return;
        }

        if (caller.Role == Role.Sysop)
        {
            return;
        }

        var whitelisted = QosOptions.SplitList(options.ManagementWhitelist).Contains(caller.Username, StringComparer.OrdinalIgnoreCase);
        var allowed = options.ManagementPolicy switch
        {
            "whitelist" => whitelisted,
            "authorization" => whitelisted || caller.IsAtLeast(Role.Admin),
            _ => false,
        };
        if (!allowed)
        {
            throw new ForbiddenException(
                $"The QoS evaluator's management services need the sysop role under management.policy {options.ManagementPolicy}; '{caller.Username}' is {caller.Role.ToName()}.");
        }
    }
}

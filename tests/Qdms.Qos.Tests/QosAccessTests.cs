using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Qos.Configuration;
using Qdms.Qos.Services;

namespace Qdms.Qos.Tests;

public sealed class QosAccessTests
{
    private static readonly Caller Sysop = new(1, "root", Role.Sysop, null);
    private static readonly Caller Admin = new(2, "ops-admin", Role.Admin, 7);
    private static readonly Caller Listed = new(3, "arrowhead-mgmt", Role.Viewer, 7);

    [Fact]
    public void Sysop_only_admits_sysops_alone()
    {
        var o = new QosOptions { ManagementWhitelist = "arrowhead-mgmt" };

        QosAccess.RequireManagement(Sysop, o);
        Assert.Throws<ForbiddenException>(() => QosAccess.RequireManagement(Admin, o));
        Assert.Throws<ForbiddenException>(() => QosAccess.RequireManagement(Listed, o));
    }

    [Fact]
    public void Whitelist_also_admits_the_named_users_but_not_other_admins()
    {
        var o = new QosOptions { ManagementPolicy = "whitelist", ManagementWhitelist = "someone, arrowhead-mgmt" };

        QosAccess.RequireManagement(Listed, o);
        Assert.Throws<ForbiddenException>(() => QosAccess.RequireManagement(Admin, o));
    }

    [Fact]
    public void Authorization_also_admits_admins_of_a_tenant()
    {
        var o = new QosOptions { ManagementPolicy = "authorization" };

        QosAccess.RequireManagement(Admin, o);
        Assert.Throws<ForbiddenException>(() => QosAccess.RequireManagement(new Caller(4, "op", Role.Operator, 7), o));
    }

    [Fact]
    public void A_blacklisted_user_is_refused_everything_unless_excluded_from_the_check()
    {
        var o = new QosOptions { EnableBlacklistFilter = true, Blacklist = "ops-admin,root" };

        Assert.Contains("blacklist", Assert.Throws<ForbiddenException>(() => QosAccess.CheckBlacklist(Admin, o)).Message, StringComparison.Ordinal);
        Assert.Throws<ForbiddenException>(() => QosAccess.RequireManagement(Sysop, o));
        QosAccess.RequireManagement(Sysop, new QosOptions { EnableBlacklistFilter = true, Blacklist = "root", BlacklistCheckExcludeList = "root" });
        QosAccess.CheckBlacklist(Admin, new QosOptions { Blacklist = "ops-admin" }); // filter off: the list is not used
    }
}

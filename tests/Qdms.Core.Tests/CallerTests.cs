using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Core.Tests;

public sealed class CallerTests
{
    [Fact]
    public void A_sysop_scope_is_all_tenants_and_a_tenant_user_scope_is_its_own()
    {
        Assert.True(new Caller(1, "root", Role.Sysop, null).Scope.IsAll);
        var scope = new Caller(2, "ann", Role.Admin, 7).Scope;
        Assert.True(scope.Allows(7));
        Assert.False(scope.Allows(8));
    }

    [Fact]
    public void A_tenant_user_cannot_create_rows_in_another_tenant()
    {
        var ann = new Caller(2, "ann", Role.Operator, 7);
        Assert.Equal(7, ann.TenantForNew(null, 1));
        Assert.Throws<ForbiddenException>(() => ann.TenantForNew(8, 1));
        Assert.Equal(8, new Caller(1, "root", Role.Sysop, null).TenantForNew(8, 1));
        Assert.Equal(1, new Caller(1, "root", Role.Sysop, null).TenantForNew(null, 1));
    }

    [Fact]
    public void Require_refuses_a_lower_role_and_names_both_roles()
    {
        var e = Assert.Throws<ForbiddenException>(() => new Caller(3, "vic", Role.Viewer, 7).Require(Role.Operator));
        Assert.Contains("operator", e.Message, StringComparison.Ordinal);
        Assert.Contains("viewer", e.Message, StringComparison.Ordinal);
    }
}

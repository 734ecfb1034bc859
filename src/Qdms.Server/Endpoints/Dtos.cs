using Qdms.Contracts;
using Qdms.Core.Audit;
using Qdms.Core.Paging;
using Qdms.Core.Security;
using Qdms.Core.Tenants;
using Qdms.Core.Users;

namespace Qdms.Server.Endpoints;

/// <summary>Model → wire shapes for the base endpoints.</summary>
internal static class Dtos
{
    public static UserDto ToDto(this User u) => new(u.Id, u.Username, u.Role.ToName(), u.TenantId, u.Disabled, u.CreatedAt);

    public static TenantDto ToDto(this Tenant t) => new(t.Id, t.Name, t.DisplayName, t.CreatedAt);

    public static TokenDto ToDto(this ApiToken t) =>
        new(t.Id, t.Name, t.Kind == TokenKind.Api ? "api" : "session", t.CreatedAt, t.ExpiresAt, t.LastUsedAt);

    public static AuditEntryDto ToDto(this AuditEntry e) => new(e.Id, e.At, e.UserId, e.Username, e.TenantId, e.Action, e.Target, e.Details);

    public static PageDto<TOut> ToDto<TIn, TOut>(this Page<TIn> page, Func<TIn, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.Total, page.PageNumber, page.Size);
}

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>
/// What a connection request needs to know of one CPE: its ConnectionRequestURL and/or ConnReqJabberID as last reported, and
/// the ConnectionRequestUsername/Password the ACS expects it to check.
/// </summary>
internal sealed record ConnectionRequestTarget(long DeviceId, string? Url, string? JabberId, string Username, string Password);

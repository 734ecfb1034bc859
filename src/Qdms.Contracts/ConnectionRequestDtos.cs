namespace Qdms.Contracts;

/// <summary>
/// What came of asking a device to contact its engine now. <see cref="Status"/> is <c>sent</c> (the device accepted; its session
/// follows), <c>failed</c> (refused or unreachable; <see cref="Error"/> says why) or <c>unsupported</c> (nothing could be tried).
/// <see cref="Channel"/> is <c>http</c> or <c>xmpp</c>, null when no channel could be tried.
/// </summary>
public sealed record ConnectionRequestResultDto(string? Channel, string Status, string? Error);

namespace Qdms.Tools.CpeSim;

/// <summary>What a CPE does after its session ends, because the ACS asked for it.</summary>
internal abstract record PendingAction
{
    internal sealed record Reboot(string CommandKey) : PendingAction;

    internal sealed record FactoryReset : PendingAction;

    internal sealed record Download(string CommandKey, Uri Url, uint FileSize, string Username, string Password) : PendingAction;

    internal sealed record Upload(string CommandKey, string FileType, Uri Url) : PendingAction;
}

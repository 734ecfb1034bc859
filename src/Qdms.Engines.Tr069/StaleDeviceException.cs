namespace Qdms.Engines.Tr069;

/// <summary>The cached device of a CPE identity no longer owns it (deleted, or the identity moved): resolve again.</summary>
internal sealed class StaleDeviceException(string key) : Exception($"The device admitted as {key} no longer owns that identity.");

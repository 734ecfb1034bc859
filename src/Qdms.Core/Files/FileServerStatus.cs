namespace Qdms.Core.Files;

/// <summary>
/// One file server's state (IF-03-03 QuerySts): its store's health and space, and the number and total size of the
/// files the caller may see on it.
/// </summary>
public sealed record FileServerStatus(ContentStoreStatus Store, long FileCount, long BytesStored);

namespace Qdms.Storage.Migrations;

/// <summary>One step of the schema. <see cref="Sql"/> may use the tokens of <see cref="DialectSql.Expand"/>.</summary>
public sealed record Migration(int Version, string Name, string Sql);

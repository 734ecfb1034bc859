using Qdms.Core.Devices;
using Qdms.Core.Devices.Csv;
using Qdms.Core.Errors;

namespace Qdms.Core.Tests;

public sealed class DeviceCsvTests
{
    private static IReadOnlyList<DeviceImportRow> Parse(string text) => DeviceCsv.Parse(new StringReader(text));

    private static string ErrorOf(string text) => Assert.Throws<ValidationException>(() => Parse(text)).Message;

    [Fact]
    public void A_written_row_reads_back_with_quotes_commas_and_the_line_it_started_on()
    {
        var device = new Device(1, 1, "Lobby, \"west\"", "Acme", null, null, null, null, null, DeviceStatus.Unknown, ["a", "b"], "pg", null, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [new DeviceIdentity("snmp", "fe80::1"), new DeviceIdentity("tr069", "X-Y-Z")]);
        var rows = Parse("\uFEFF" + DeviceCsv.Header + "\r\n\r\n" + DeviceCsv.Row(device));
        var row = Assert.Single(rows);
        Assert.Equal(3, row.Line);
        Assert.Equal("Lobby, \"west\"", row.Draft.Name);
        Assert.Equal(device.Identities, row.Draft.Identities);
        Assert.Equal(["a", "b"], row.Draft.Tags!);
        Assert.Equal(("Acme", "pg", null), (row.Draft.Manufacturer, row.Draft.ProvisionGroup, row.Draft.UpdateGroup));
    }

    [Fact]
    public void Formula_like_cells_are_exported_behind_an_apostrophe_and_read_back_unchanged()
    {
        var device = new Device(1, 1, "=HYPERLINK(\"http://evil\")", "+Acme", "-model", "@serial", null, null, null, DeviceStatus.Unknown, [], null, null, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [new DeviceIdentity("tr069", "X-Y-Z")]);
        var line = DeviceCsv.Row(device);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", line, StringComparison.Ordinal);
        Assert.Contains(",'+Acme,'-model,'@serial,", line, StringComparison.Ordinal);

        var row = Assert.Single(Parse(DeviceCsv.Header + "\r\n" + line));
        Assert.Equal(("=HYPERLINK(\"http://evil\")", "+Acme", "-model", "@serial"), (row.Draft.Name, row.Draft.Manufacturer, row.Draft.Model, row.Draft.Serial));
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_case()
    {
        var row = Assert.Single(Parse("Name,IDENTITIES\nBox,tr069:K1\n"));
        Assert.Equal(("Box", "K1"), (row.Draft.Name, row.Draft.Identities[0].Key));
    }

    [Theory]
    [InlineData("name\nx\n", "Line 1: the header has no 'identities' column")]
    [InlineData("identities,identities\n", "Line 1, column 2: column 'identities' appears twice")]
    [InlineData("identities,name\ntr069:a,\"x\"y\n", "Line 2, column 2: text follows the closing quote")]
    [InlineData("identities,name\ntr069:a,x\"y\n", "Line 2, column 2: a double quote may only appear")]
    [InlineData("identities,name\ntr069:a,\"x\n", "Line 2, column 2: a quoted field is not closed")]
    [InlineData("identities\n:nokey\n", "Line 2, column 1 (identities)")]
    [InlineData("identities\ntr069:\n", "Line 2, column 1 (identities): the tr069 identity key must not be empty")]
    [InlineData("identities\n\n\ntr069:a;tr069:a;snmp\n", "Line 4, column 1 (identities)")]
    [InlineData("", "The CSV is empty")]
    public void Bad_input_names_the_line_and_column(string csv, string expected) =>
        Assert.Contains(expected, ErrorOf(csv), StringComparison.Ordinal);

    [Fact]
    public void A_field_past_the_limit_is_refused_before_it_is_read_whole()
    {
        var csv = "identities,name\ntr069:a," + new string('x', DeviceCsv.MaxFieldLength + 1) + "\n";
        Assert.Contains($"longer than {DeviceCsv.MaxFieldLength}", ErrorOf(csv), StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_too_many_columns_is_refused_early()
    {
        var csv = "identities\n" + new string(',', 10_000) + "\n";
        Assert.Contains($"at most {DeviceCsv.MaxColumns} columns", ErrorOf(csv), StringComparison.Ordinal);
    }
}

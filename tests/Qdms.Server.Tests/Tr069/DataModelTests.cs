using Qdms.Tools.CpeSim;

namespace Qdms.Server.Tests.Tr069;

/// <summary>The CPE simulator's data model: the answers its GetParameterNames, AddObject and DeleteObject give.</summary>
public sealed class DataModelTests
{
    private static DataModel Model() => DataModel.Load(AcsUnderTest.ModelPath, "S1");

    [Fact]
    public void Serials_are_filled_in_and_templates_are_not_parameters()
    {
        var model = Model();
        Assert.Equal("S1", model.ValueOf("Device.DeviceInfo.SerialNumber"));
        Assert.Equal("sim-S1", model.ValueOf("Device.WiFi.SSID.1.SSID"));
        Assert.Empty(model.Select("Device.WiFi.SSID.{i}."));
    }

    [Fact]
    public void Names_at_the_next_level_list_parameters_and_objects_right_below()
    {
        var names = Model().Names("Device.WiFi.", nextLevel: true)!;
        Assert.Equal([("Device.WiFi.SSID.", false), ("Device.WiFi.SSIDNumberOfEntries", false)], names.OrderBy(n => n.Name, StringComparer.Ordinal));
        var all = Model().Names("Device.WiFi.", nextLevel: false)!;
        Assert.Contains(("Device.WiFi.SSID.1.", false), all);
        Assert.Contains(("Device.WiFi.SSID.1.SSID", true), all);
        Assert.Null(Model().Names("Device.Nothing.", nextLevel: true));
    }

    [Fact]
    public void Add_object_numbers_above_the_highest_instance_and_delete_removes_the_subtree()
    {
        var model = Model();
        Assert.Equal(2u, model.AddObject("Device.WiFi.SSID."));
        Assert.Equal("false", model.ValueOf("Device.WiFi.SSID.2.Enable"));
        Assert.Equal(2u, model.AddObject("Device.IP.Interface.1.IPv4Address."));
        Assert.NotNull(model.Find("Device.IP.Interface.1.IPv4Address.2.IPAddress"));
        Assert.Null(model.AddObject("Device.DeviceInfo."));

        Assert.True(model.DeleteObject("Device.WiFi.SSID.1."));
        Assert.Empty(model.Select("Device.WiFi.SSID.1."));
        Assert.False(model.DeleteObject("Device.WiFi.SSID.1."));
        Assert.False(model.DeleteObject("Device.WiFi."));
    }

    [Fact]
    public void A_bad_model_line_is_named()
    {
        var e = Assert.Throws<FormatException>(() => DataModel.Parse(["# c", "Device.X|string|maybe|1"], "S"));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unsignedInt", "12", true)]
    [InlineData("unsignedInt", "-1", false)]
    [InlineData("boolean", "1", true)]
    [InlineData("boolean", "yes", false)]
    [InlineData("int", "-5", true)]
    public void Values_are_checked_against_their_type(string type, string value, bool valid) =>
        Assert.Equal(valid, DataModel.IsValid(type, value));
}

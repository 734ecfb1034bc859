using System.Text;

namespace Qdms.Protocols.Xmpp.Tests;

/// <summary>The framer that cuts the server's stream into header, first-level elements and end.</summary>
public sealed class XmppFramerTests
{
    private const string Header = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='localhost' version='1.0'>";
    private const string Iq = "<iq type='get' id='a>b' from='x@localhost/r'><query xmlns='urn:test'><item name=\"q'uote\">text &amp; more</item></query></iq>";

    [Fact]
    public void A_stream_cut_at_every_byte_yields_the_same_frames_as_one_chunk()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + " \n<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features> " + Iq + "<presence/></stream:stream>");
        var whole = Frames(new XmppFramer(4096), bytes);
        var framer = new XmppFramer(4096);
        var byByte = new List<XmppFrame>();
        foreach (var b in bytes)
        {
            byByte.AddRange(Frames(framer, [b]));
        }

        Assert.Equal([XmppFrameKind.StreamHeader, XmppFrameKind.Element, XmppFrameKind.Element, XmppFrameKind.Element, XmppFrameKind.StreamEnd], whole.Select(f => f.Kind));
        Assert.Equal(whole.Select(f => f.Element?.ToString()), byByte.Select(f => f.Element?.ToString()));
        Assert.Equal(XmppNamespaces.Streams + "features", whole[1].Element!.Name);
        var iq = whole[2].Element!;
        Assert.Equal((XmppNamespaces.Client + "iq", "a>b"), (iq.Name, (string?)iq.Attribute("id")));
        Assert.Equal("text & more", iq.Elements().Single().Elements().Single().Value);
    }

    [Fact]
    public void A_truncated_stanza_yields_nothing_until_its_last_byte()
    {
        var framer = new XmppFramer(4096);
        Frames(framer, Encoding.UTF8.GetBytes(Header));
        var iq = Encoding.UTF8.GetBytes(Iq);
        for (var i = 0; i < iq.Length - 1; i++)
        {
            Assert.Empty(Frames(framer, iq.AsSpan(i, 1).ToArray()));
        }

        Assert.Equal(XmppFrameKind.Element, Assert.Single(Frames(framer, iq.AsSpan(iq.Length - 1).ToArray())).Kind);
    }

    [Theory]
    [InlineData("<!DOCTYPE x [<!ENTITY a 'aaaa'>]>")]
    [InlineData("<!-- comment -->")]
    [InlineData("<iq><![CDATA[x]]></iq>")]
    [InlineData("<?php x?>")]
    [InlineData("<iq>&unknown;</iq>")]
    [InlineData("text")]
    [InlineData("<iq><a></b></iq>")]
    public void Restricted_or_malformed_xml_inside_the_stream_ends_it(string evil)
    {
        var framer = new XmppFramer(4096);
        Frames(framer, Encoding.UTF8.GetBytes(Header));

        var error = Assert.Throws<XmppStreamException>(() => Frames(framer, Encoding.UTF8.GetBytes(evil)));

        Assert.Contains(error.Condition, new[] { "restricted-xml", "not-well-formed" });
    }

    [Fact]
    public void An_element_over_the_limit_is_refused_before_it_is_buffered_whole()
    {
        var framer = new XmppFramer(1024);
        Frames(framer, Encoding.UTF8.GetBytes(Header));

        var error = Assert.Throws<XmppStreamException>(() => Frames(framer, Encoding.UTF8.GetBytes("<message><body>" + new string('x', 2000))));

        Assert.Equal("policy-violation", error.Condition);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var framer = new XmppFramer(64 * 1024);
        Frames(framer, Encoding.UTF8.GetBytes(Header));

        var error = Assert.Throws<XmppStreamException>(() => Frames(framer, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<a>", XmppFramer.MaxDepth + 2)))));

        Assert.Equal("policy-violation", error.Condition);
    }

    private static List<XmppFrame> Frames(XmppFramer framer, byte[] bytes)
    {
        framer.Feed(bytes);
        var frames = new List<XmppFrame>();
        while (framer.TryDequeue(out var frame))
        {
            frames.Add(frame);
        }

        return frames;
    }
}

using YamlDotNet.RepresentationModel;

namespace Qdms.Scenarios.Format;

/// <summary>The problems found so far while parsing one scenario.</summary>
internal sealed class ParseContext
{
    public List<ScenarioProblem> Problems { get; } = [];

    public static SourcePosition PositionOf(YamlNode node, string path) => new((int)node.Start.Line, (int)node.Start.Column, path);

    public void Error(YamlNode node, string path, string message) => Problems.Add(new ScenarioProblem(PositionOf(node, path), message));

    public void Error(SourcePosition position, string message) => Problems.Add(new ScenarioProblem(position, message));
}

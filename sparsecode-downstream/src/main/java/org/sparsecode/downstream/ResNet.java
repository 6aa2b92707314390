package org.sparsecode.downstream;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;
import org.sparsecode.experiments.config.NetworkSettings;
import org.sparsecode.experiments.config.TrainingSettings;

/**
 * The classifier: a CIFAR-style ResNet whose first convolution takes the input's channels (K code maps, or 1 for
 * pixels): 3×3, stride 1, no bias, then batch normalisation, ReLU and a spatial dropout (the paper's
 * Dropout2d); then stages of basic residual blocks (two 3×3 convolutions with batch normalisation, a 1×1
 * projection where the shape changes), each stage after the first halving the side; global average pooling and
 * a dense softmax layer. With blocks {@code [2, 2, 2, 2]} and widths {@code [64, 128, 256, 512]} it is the
 * paper's ResNet-18 (there {@code avg_pool2d(4)} on 4×4 maps is the global mean).
 */
public final class ResNet {
  /** The input vertex's name. */
  public static final String INPUT = "input";
  /** The first convolution's name. */
  public static final String FIRST = "conv1";
  /** The output layer's name. */
  public static final String OUTPUT = "output";

  private ResNet() {}

  /**
   * The network's configuration.
   *
   * @param channels the input's channels
   * @param side the input's side
   * @param classes the classes
   * @param network the architecture
   * @param training the optimiser's settings
   * @param steps the training's steps in all, for the learning-rate schedule
   * @param seed the seed of the initial weights
   * @return the configuration
   */
  public static ComputationGraphConfiguration configuration(int channels, int side, int classes,
      NetworkSettings network, TrainingSettings training, int steps, long seed) {
    ISchedule rates = LearningRates.of(training.schedule(), training.learningRate(), steps);
    NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .updater(new Adam(rates))
        .weightInit(WeightInit.RELU)
        .convolutionMode(ConvolutionMode.Same)
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
    if (training.weightDecay() > 0) {
      if (training.decay().equals("l2")) {
        base.l2(training.weightDecay());
      } else {
        base.weightDecay(training.weightDecay(), true);
      }
    }
    ComputationGraphConfiguration.GraphBuilder g = base.graphBuilder()
        .addInputs(INPUT)
        .setInputTypes(InputType.convolutional(side, side, channels));
    List<Integer> widths = network.widths();
    List<Integer> blocks = network.blocks();
    g.addLayer(FIRST, conv(3, 1, channels, widths.get(0)), INPUT);
    g.addLayer("bn1", new BatchNormalization.Builder().build(), FIRST);
    g.addLayer("relu1", new ActivationLayer.Builder().activation(Activation.RELU).build(), "bn1");
    String last = "relu1";
    if (network.dropout() > 0) {
      // DL4J's dropout takes the probability of keeping a value
      g.addLayer("drop1", new DropoutLayer.Builder().dropOut(new SpatialDropout(1 - network.dropout())).build(),
          last);
      last = "drop1";
    }
    int in = widths.get(0);
    for (int s = 0; s < widths.size(); s++) {
      for (int b = 0; b < blocks.get(s); b++) {
        int stride = s > 0 && b == 0 ? 2 : 1;
        last = block(g, "s" + (s + 1) + "b" + (b + 1), last, in, widths.get(s), stride);
        in = widths.get(s);
      }
    }
    g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
    g.addLayer(OUTPUT, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(classes)
        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), "pool");
    g.setOutputs(OUTPUT);
    return g.build();
  }

  /**
   * A new network, its weights initialised from the configuration's seed.
   *
   * @param configuration the configuration
   * @return the network
   */
  public static ComputationGraph create(ComputationGraphConfiguration configuration) {
    ComputationGraph net = new ComputationGraph(configuration);
    net.init();
    return net;
  }

  private static ConvolutionLayer conv(int kernel, int stride, int in, int out) {
    return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nIn(in).nOut(out).hasBias(false)
        .activation(Activation.IDENTITY).build();
  }

  /** A basic block: conv-BN-ReLU-conv-BN plus the shortcut (a 1×1 projection with BN where the shape changes). */
  private static String block(ComputationGraphConfiguration.GraphBuilder g, String name, String input, int in,
      int out, int stride) {
    g.addLayer(name + "c1", conv(3, stride, in, out), input);
    g.addLayer(name + "n1", new BatchNormalization.Builder().build(), name + "c1");
    g.addLayer(name + "r1", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "n1");
    g.addLayer(name + "c2", conv(3, 1, out, out), name + "r1");
    g.addLayer(name + "n2", new BatchNormalization.Builder().build(), name + "c2");
    String shortcut = input;
    if (stride != 1 || in != out) {
      g.addLayer(name + "pc", conv(1, stride, in, out), input);
      g.addLayer(name + "pn", new BatchNormalization.Builder().build(), name + "pc");
      shortcut = name + "pn";
    }
    g.addVertex(name + "add", new ElementWiseVertex(ElementWiseVertex.Op.Add), name + "n2", shortcut);
    g.addLayer(name + "out", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "add");
    return name + "out";
  }
}

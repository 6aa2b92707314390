package org.sparsecode.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sparsecode.experiments.config.NetworkSettings;
import org.sparsecode.experiments.config.TrainingSettings;

class ResNetTest {

  static NetworkSettings small(double dropout, boolean flip) {
    return new NetworkSettings(null, null, List.of(1, 1), List.of(4, 8), dropout, null, null, null, flip);
  }

  @Test
  void theFirstConvolutionTakesTheCodeChannelsAndTheOutputHasTenClasses() {
    ComputationGraph net = ResNet.create(ResNet.configuration(144, 8, 10, small(0.5, true),
        TrainingSettings.defaults(), 10, 1));
    ConvolutionLayer first = (ConvolutionLayer) net.getLayer(ResNet.FIRST).conf().getLayer();
    assertThat(first.getNIn()).isEqualTo(144);
    assertThat(first.getKernelSize()).containsExactly(3, 3);
    assertThat(first.getStride()).containsExactly(1, 1);
    assertThat(first.hasBias()).isFalse();
    assertThat(((OutputLayer) net.getLayer(ResNet.OUTPUT).conf().getLayer()).getNOut()).isEqualTo(10);
    INDArray out = net.output(false, Nd4j.rand(new int[] {3, 144, 8, 8}))[0];
    assertThat(out.shape()).containsExactly(3, 10);
    assertThat(out.sumNumber().doubleValue()).isCloseTo(3, org.assertj.core.api.Assertions.within(1e-4));
  }

  @Test
  void thePixelBaselineIsTheSameNetworkOnOneChannel() {
    ComputationGraph codes = ResNet.create(ResNet.configuration(144, 8, 10, small(0.5, true),
        TrainingSettings.defaults(), 10, 1));
    ComputationGraph pixels = ResNet.create(ResNet.configuration(1, 8, 10, small(0.5, true),
        TrainingSettings.defaults(), 10, 1));
    assertThat(((ConvolutionLayer) pixels.getLayer(ResNet.FIRST).conf().getLayer()).getNIn()).isEqualTo(1);
    // only the first convolution's weights differ in number: 3 x 3 x (144 - 1) x 4
    assertThat(codes.numParams() - pixels.numParams()).isEqualTo(9L * 143 * 4);
  }
}

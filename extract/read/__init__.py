"""zhenggai.read"""
